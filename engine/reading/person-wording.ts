// People in words, the same on the case page, the print view and the PDF: a name with its role
// ("Jo Bennett, Manager (Senior Officer)") and a sign-off record
// ("Countersigned by Jo Bennett, Manager (Senior Officer), on 3 March 2026 at 9:05am").
// A comma, not brackets: role titles carry their own brackets.

/** The role is left out when it is all the name says. */
export function nameWithRole(name: string, role: string | undefined): string {
  return role && role !== name ? `${name}, ${role}` : name;
}

/** Who did something and when: "Jo Bennett, Manager, on 3 March 2026". `at` is already formatted. */
export function whoAndWhen(name: string, role: string | undefined, at: string): string {
  const who = nameWithRole(name, role);
  return `${who}${who === name ? '' : ','} on ${at}`;
}

export function signOffWording(label: string, name: string, role: string | undefined, at: string): string {
  return `${label} by ${whoAndWhen(name, role, at)}`;
}
