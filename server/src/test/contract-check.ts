import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from "graphql";

function kindOf(t: GraphQLNamedType): string {
  if (isObjectType(t)) return "object";
  if (isInterfaceType(t)) return "interface";
  if (isInputObjectType(t)) return "input";
  if (isEnumType(t)) return "enum";
  if (isUnionType(t)) return "union";
  if (isScalarType(t)) return "scalar";
  return "unknown";
}

const isOptional = (a: GraphQLArgument | GraphQLInputField) =>
  !isNonNullType(a.type) || a.defaultValue !== undefined;

function compareArgs(
  where: string,
  want: readonly GraphQLArgument[],
  have: readonly GraphQLArgument[],
  out: string[],
) {
  for (const w of want) {
    const h = have.find((a) => a.name === w.name);
    if (!h) out.push(`${where}(${w.name}:) is missing`);
    else if (String(h.type) !== String(w.type))
      out.push(`${where}(${w.name}:) is ${h.type}, contract says ${w.type}`);
  }
  for (const h of have) {
    if (!want.some((w) => w.name === h.name) && !isOptional(h))
      out.push(`${where}(${h.name}:) is new and required`);
  }
}

function compareFields(
  name: string,
  want: Record<string, GraphQLField<unknown, unknown>>,
  have: Record<string, GraphQLField<unknown, unknown>>,
  out: string[],
) {
  for (const [fieldName, w] of Object.entries(want)) {
    const h = have[fieldName];
    if (!h) {
      out.push(`${name}.${fieldName} is missing`);
      continue;
    }
    if (String(h.type) !== String(w.type))
      out.push(`${name}.${fieldName} is ${h.type}, contract says ${w.type}`);
    compareArgs(`${name}.${fieldName}`, w.args, h.args, out);
  }
}

/**
 * Lists every way `served` fails to contain `contract`: missing types, fields, arguments, input
 * fields, enum values and union members, changed types, and new required arguments or input
 * fields. Additions are allowed.
 */
export function contractViolations(contract: GraphQLSchema, served: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const [name, want] of Object.entries(contract.getTypeMap())) {
    // Built-in scalars appear only once something uses them; their users are checked anyway.
    if (name.startsWith("__") || isSpecifiedScalarType(want)) continue;
    const have = served.getType(name);
    if (!have) {
      out.push(`type ${name} is missing`);
      continue;
    }
    if (kindOf(have) !== kindOf(want)) {
      out.push(`${name} is a ${kindOf(have)}, contract says ${kindOf(want)}`);
      continue;
    }
    if ((isObjectType(want) || isInterfaceType(want)) && (isObjectType(have) || isInterfaceType(have))) {
      compareFields(name, want.getFields(), have.getFields(), out);
    } else if (isInputObjectType(want) && isInputObjectType(have)) {
      const wf = want.getFields();
      const hf = have.getFields();
      for (const [f, w] of Object.entries(wf)) {
        const h = hf[f];
        if (!h) out.push(`input ${name}.${f} is missing`);
        else if (String(h.type) !== String(w.type))
          out.push(`input ${name}.${f} is ${h.type}, contract says ${w.type}`);
      }
      for (const [f, h] of Object.entries(hf)) {
        if (!wf[f] && !isOptional(h)) out.push(`input ${name}.${f} is new and required`);
      }
    } else if (isEnumType(want) && isEnumType(have)) {
      for (const v of want.getValues()) {
        if (!have.getValue(v.name)) out.push(`enum ${name}.${v.name} is missing`);
      }
    } else if (isUnionType(want) && isUnionType(have)) {
      const members = new Set(have.getTypes().map((t) => t.name));
      for (const t of want.getTypes()) if (!members.has(t.name)) out.push(`union ${name} lacks ${t.name}`);
    }
  }
  for (const root of ["Query", "Mutation", "Subscription"] as const) {
    const want =
      root === "Query"
        ? contract.getQueryType()
        : root === "Mutation"
          ? contract.getMutationType()
          : contract.getSubscriptionType();
    const have =
      root === "Query"
        ? served.getQueryType()
        : root === "Mutation"
          ? served.getMutationType()
          : served.getSubscriptionType();
    if (want && have && want.name !== have.name)
      out.push(`${root} root type is ${have.name}, contract says ${want.name}`);
  }
  return out;
}
