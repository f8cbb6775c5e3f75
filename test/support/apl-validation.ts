import { ComponentSchemaController, StaticAplTemplateValidator } from 'apl-suggester';
// Not exported from the package's index.
import { CommandSchemaValidator } from 'apl-suggester/dist/src/CommandSchemaValidator';

/** Property names whose values are lists of APL commands in the components Shopvoice uses. */
const COMMAND_PROPERTIES = ['onPress', 'onMount', 'onDown', 'onUp', 'onFocus', 'onBlur', 'onScroll'];

interface Found {
  readonly components: { readonly type: string; readonly path: string }[];
  readonly commands: { readonly command: Record<string, unknown>; readonly path: string }[];
}

function walk(node: unknown, path: string, found: Found): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => walk(child, `${path}/${index}`, found));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (COMMAND_PROPERTIES.includes(key)) {
      for (const [index, command] of (Array.isArray(value) ? value : [value]).entries()) {
        found.commands.push({ command: command as Record<string, unknown>, path: `${path}/${key}/${index}` });
      }
    } else if (key === 'item' || key === 'items') {
      for (const [index, child] of (Array.isArray(value) ? value : [value]).entries()) {
        const type = (child as { type?: unknown }).type;
        found.components.push({ type: String(type), path: `${path}/${key}/${index}` });
        walk(child, `${path}/${key}/${index}`, found);
      }
    } else if (key === 'mainTemplate') {
      walk(value, `${path}/${key}`, found);
    }
  }
}

/**
 * What Amazon's own APL linter (apl-suggester, the validator behind the authoring tool) finds
 * wrong with a document: its JSON schema for the document and every component, plus what the
 * linter leaves out: that each component type and each command exists and each command is valid.
 */
export async function aplProblems(document: object): Promise<string[]> {
  // The linter logs a line for every component it has no extra rules for; that is not a finding.
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const problems = (await new StaticAplTemplateValidator().validate(document)).map((info) => `${info.path}: ${info.errorMessage}`);
    const found: Found = { components: [], commands: [] };
    walk(document, '', found);
    const known = new Set(await ComponentSchemaController.getInstance().getAvailableComponents(document));
    for (const { type, path } of found.components) if (!known.has(type)) problems.push(`${path}: no APL component "${type}"`);
    for (const { command, path } of found.commands) {
      const type = String(command.type);
      if (!CommandSchemaValidator.COMMAND_TYPE_TO_JSON_SCHEMA.has(type)) problems.push(`${path}: no APL command "${type}"`);
      else problems.push(...CommandSchemaValidator.getInstance().validateCommand(command, type).map((info) => `${path}${info.path}: ${info.errorMessage}`));
    }
    if (found.components.length === 0) problems.push('the document has no components');
    return problems;
  } finally {
    log.mockRestore();
    warn.mockRestore();
  }
}
