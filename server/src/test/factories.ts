import { expectData, type TestServer } from "./harness.js";

export interface BuiltUser {
  user: { id: string; name: string; email: string; initials: string };
  token: string;
  email: string;
  password: string;
}

let seq = 0;

/** A unique email per call, stable across parallel files thanks to the pid. */
export function uniqueEmail(prefix = "user"): string {
  seq++;
  return `${prefix}.${process.pid}.${seq}@example.test`;
}

/**
 * Signs a user up through the API and returns their token. Production roles are given by the
 * domain factories (`test/domain-factories.ts`), which take a BuiltUser.
 */
export async function buildUser(
  server: TestServer,
  overrides: Partial<{ name: string; email: string; password: string }> = {},
): Promise<BuiltUser> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? "correct horse battery";
  const name = overrides.name ?? `Test User ${seq}`;
  const res = await server.gql<{ signUp: { token: string; user: BuiltUser["user"] } }>(
    `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token user { id name email initials } } }`,
    { input: { name, email, password } },
  );
  const { signUp } = expectData(res);
  return { user: signUp.user, token: signUp.token, email, password };
}
