/**
 * The generated platform files carry `<angle-bracket>` placeholders (`<alexa-lambda-arn>`,
 * `<auth-host>`, `<actions-project-id>` …) until a store fills interaction-models/project.yaml in.
 * A deploy copy must not reach Amazon or Google with any of them left.
 */
const PLACEHOLDER = /<[a-z][a-z0-9-]*>/g;

/** Every distinct placeholder in the text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}
