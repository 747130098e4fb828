import { z } from "zod";
import { roleSchema } from "@/lib/tenancy/roles";

// Input of the member services (the API and the /admin/members forms send the same shapes).

const memberEmailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const memberNameSchema = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(120, "Name is too long (120 characters at most)");

export const inviteMemberSchema = z.strictObject({
  name: memberNameSchema,
  email: memberEmailSchema,
  role: roleSchema,
});

export const changeMemberSchema = z
  .strictObject({
    role: roleSchema.optional(),
    active: z.boolean({ error: "active must be true or false" }).optional(),
  })
  .refine((value) => value.role !== undefined || value.active !== undefined, { message: "Send a role, active, or both" });
