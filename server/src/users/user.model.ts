import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";

export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

userSchema.plugin(boundedQueries);
export const UserModel = mongoose.model<UserDoc>("User", userSchema, "users");
