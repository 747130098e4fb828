// A customer link's secret as lib/customer/rotate-customer-link.ts makes it: "c_" and 32 random bytes in
// base64url (256 bits). Anything else is answered "not found" without touching the database.
const TOKEN_SHAPE = /^c_[A-Za-z0-9_-]{43}$/;

export function isWellFormedCustomerToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
