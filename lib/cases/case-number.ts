// Case numbers are per tenant (Tenant.caseSeq); people say and type them as "PST-1042".
const CASE_NUMBER_PREFIX = "PST";

export function displayCaseNumber(number: number): string {
  return `${CASE_NUMBER_PREFIX}-${number}`;
}
