import { z } from "zod";

// What a new password must be (set through an invitation or changed by its owner). Length is what
// matters (NIST SP 800-63B): at least 12 characters, any characters, no composition rules; an upper
// bound keeps hashing cheap to request. Checked on the server; the forms only mirror it.
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/** A new password typed twice; `email` (when known) may not be the password. */
export function newPasswordPairSchema(email?: string) {
  return z
    .object({ password: newPasswordSchema, confirmPassword: z.string({ error: "Type the password again" }) })
    .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords don't match" })
    .refine((value) => !email || value.password.trim().toLowerCase() !== email.toLowerCase(), {
      path: ["password"],
      message: "Don't use your email address as your password",
    });
}
