import { Field, ObjectType, Query, Resolver } from "type-graphql";
import mongoose from "mongoose";
import { runtime } from "../core/runtime.js";

@ObjectType({ description: "Whether the server and its database are up." })
export class Health {
  @Field(() => Boolean, { description: "true when the server can reach its database." })
  ok!: boolean;

  @Field(() => String, { description: "The server's version." })
  version!: string;

  @Field(() => String, {
    description: 'Which database serves data: "embedded" (in-process store) or "external" (MONGODB_URI).',
  })
  database!: string;
}

@Resolver()
export class HealthResolver {
  /** Public: load balancers and tools call it without a token. */
  @Query(() => Health, { description: "Whether the server and its database are up; no token needed." })
  health(): Health {
    const { config, database } = runtime();
    const h = new Health();
    // readyState 1 = connected.
    h.ok = mongoose.connection.readyState === 1;
    h.version = config.version;
    h.database = database;
    return h;
  }
}
