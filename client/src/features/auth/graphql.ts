import { graphql } from "../../gql";

export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user { id name email initials }
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user { id name email initials }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const MeDocument = graphql(`
  query Me {
    me { id name email initials }
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere($keepApiTokens: Boolean!) {
    signOutEverywhere(keepApiTokens: $keepApiTokens)
  }
`);
