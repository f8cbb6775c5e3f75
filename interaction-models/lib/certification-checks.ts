import type { v1 } from 'ask-smapi-model';
import { pngHeader } from '../../tools/icons/png';
import { ALEXA_ICONS } from './alexa';

type Manifest = v1.skill.Manifest.SkillManifest;

/**
 * The items of Amazon's certification checklist that can be checked offline, on the skill package
 * `ask deploy` uploads: what the skill store shows (icons of the right sizes, summary and
 * description within their limits, the policy links), and what a skill that sells physical
 * products must say and do ("Requirements for Skills that Allow Purchases"): account linking,
 * said in the description; an invocation name that is the seller's name; the voice code (PIN)
 * option, said in the description. What needs a person (how it sounds, the seller named at the
 * confirmation) stays on the submission checklist in the README.
 */

const SUMMARY_LIMIT = 160;
const DESCRIPTION_LIMIT = 4000;
const KEYWORD_LIMIT = 30;

/** How each locale's description says the skill uses account linking, and offers a voice PIN. */
const DESCRIPTION_MUST_SAY: Readonly<Record<string, { readonly linking: RegExp; readonly voiceCode: RegExp }>> = {
  'en-US': { linking: /\buses account linking\b/i, voiceCode: /\bfour-digit voice PIN\b/i },
  'de-DE': { linking: /\bverwendet Kontoverknüpfung\b/i, voiceCode: /\bvierstellige Sprach-PIN\b/i },
  'en-GB': { linking: /\buses account linking\b/i, voiceCode: /\bfour-digit voice PIN\b/i },
  'it-IT': { linking: /\butilizza il collegamento dell'account\b/i, voiceCode: /\bPIN vocale di quattro cifre\b/i },
  'es-US': { linking: /\busa vinculación de cuentas\b/i, voiceCode: /\bPIN de voz de cuatro dígitos\b/i },
  'es-ES': { linking: /\busa la vinculación de cuentas\b/i, voiceCode: /\bPIN de voz de cuatro cifras\b/i },
  'fr-FR': { linking: /\butilise l'association de compte\b/i, voiceCode: /\bcode vocal à quatre chiffres\b/i },
};

/** Where a `file://` URI of skill.json points, as a repository path; undefined for anything else. */
function packageFile(uri: string | undefined): string | undefined {
  const match = /^file:\/\/(assets\/[^?#]+)$/.exec(uri ?? '');
  return match ? `skill-package/${match[1]}` : undefined;
}

export interface CertificationInput {
  readonly manifest: Manifest;
  /** Each locale's invocation name, from the interaction models. */
  readonly invocationNames: Readonly<Record<string, string>>;
  /** Reads a file of the repository; undefined when it does not exist. */
  readonly readFile: (file: string) => Buffer | undefined;
}

function iconProblems(locale: string, which: keyof typeof ALEXA_ICONS, uri: string | undefined, readFile: CertificationInput['readFile']): string[] {
  const field = which === 'small' ? 'smallIconUri' : 'largeIconUri';
  const { size } = ALEXA_ICONS[which];
  const file = packageFile(uri);
  if (!file) return [`${locale}: ${field} must name a file in skill-package/assets (file://assets/...)`];
  const bytes = readFile(file);
  if (!bytes) return [`${locale}: ${field} names ${file}, which does not exist (npm run icons)`];
  const header = pngHeader(bytes);
  if (!header) return [`${locale}: ${file} is not a PNG`];
  return header.width === size && header.height === size ? [] : [`${locale}: ${file} is ${header.width}×${header.height}; the store needs ${size}×${size}`];
}

export function certificationProblems(input: CertificationInput): string[] {
  const { manifest, readFile } = input;
  const problems: string[] = [];
  const publishing = manifest.publishingInformation;
  const privacy = manifest.privacyAndCompliance;
  for (const [locale, info] of Object.entries(publishing?.locales ?? {})) {
    problems.push(...iconProblems(locale, 'small', info.smallIconUri, readFile), ...iconProblems(locale, 'large', info.largeIconUri, readFile));
    if ((info.summary ?? '').length > SUMMARY_LIMIT) problems.push(`${locale}: the summary is longer than ${SUMMARY_LIMIT} characters`);
    if ((info.description ?? '').length > DESCRIPTION_LIMIT) problems.push(`${locale}: the description is longer than ${DESCRIPTION_LIMIT} characters`);
    if ((info.keywords ?? []).length > KEYWORD_LIMIT) problems.push(`${locale}: more than ${KEYWORD_LIMIT} keywords`);
    for (const field of ['privacyPolicyUrl', 'termsOfUseUrl'] as const) {
      const url = privacy?.locales?.[locale]?.[field];
      if (!url || !/^https:\/\/\S+$/.test(url)) problems.push(`${locale}: privacyAndCompliance ${field} must be an https URL`);
    }
    if (privacy?.allowsPurchases) {
      const must = DESCRIPTION_MUST_SAY[locale];
      if (!must) problems.push(`${locale}: no rule for how the description says account linking and the voice PIN in this locale`);
      else {
        if (!must.linking.test(info.description ?? '')) problems.push(`${locale}: a skill that sells physical products must say in its description that it uses account linking`);
        if (!must.voiceCode.test(info.description ?? '')) problems.push(`${locale}: the description must tell shoppers they can set a four-digit voice PIN`);
      }
      // The seller's name is the invocation name, so shoppers ask for it by name.
      const invocation = input.invocationNames[locale];
      if (invocation !== (info.name ?? '').toLowerCase()) problems.push(`${locale}: the invocation name "${invocation}" must be the seller's name "${info.name}"`);
    }
  }
  if (privacy?.allowsPurchases && !readFile('account-linking/accountLinking.json')) {
    problems.push('account-linking/accountLinking.json is missing: a skill that sells physical products must use account linking');
  }
  const permissions = (manifest.permissions ?? []).map((permission) => permission.name);
  if ((manifest.events?.publications ?? []).length > 0 && !permissions.includes('alexa::devices:all:notifications:write')) {
    problems.push('skill.json publishes proactive events but does not ask for alexa::devices:all:notifications:write');
  }
  return problems;
}
