import fs from 'node:fs';
import path from 'node:path';
import type { v1 } from 'ask-smapi-model';
import { ALEXA_ICONS } from '../../interaction-models/lib/alexa';
import { type CertificationInput, certificationProblems } from '../../interaction-models/lib/certification-checks';
import { drawIcon } from '../../tools/icons/draw-icon';
import { decodePng, encodePng } from '../../tools/icons/png';
import { LOCALES } from '../../lambda/languages/packs';
import { REPO_ROOT, copy, readJson } from './support';

type SkillManifestEnvelope = v1.skill.Manifest.SkillManifestEnvelope;
type InteractionModelData = v1.skill.interactionModel.InteractionModelData;


function committed(): CertificationInput {
  return {
    manifest: readJson<SkillManifestEnvelope>('skill-package/skill.json').manifest!,
    invocationNames: Object.fromEntries(
      LOCALES.map((code) => [code, readJson<InteractionModelData>(`skill-package/interactionModels/custom/${code}.json`).interactionModel.languageModel.invocationName]),
    ),
    readFile: (file) => (fs.existsSync(path.join(REPO_ROOT, file)) ? fs.readFileSync(path.join(REPO_ROOT, file)) : undefined),
  };
}

describe('the skill package against the certification checklist (what can be checked offline)', () => {
  it('passes: icons of the right sizes, policy links, and what a skill selling physical products must say', () => {
    expect(certificationProblems(committed())).toEqual([]);
  });

  it.each(Object.values(ALEXA_ICONS))('the $size px icon is what tools/icons draws (npm run icons)', ({ size, file }) => {
    const decoded = decodePng(fs.readFileSync(path.join(REPO_ROOT, file)));
    expect(decoded).toMatchObject({ width: size, height: size });
    expect(decoded!.pixels.equals(drawIcon(size).pixels)).toBe(true);
  });

  it('names a missing icon, an icon of the wrong size, and one that is not a PNG', () => {
    const input = committed();
    const files = new Map<string, Buffer>([
      [ALEXA_ICONS.small.file, encodePng(drawIcon(64))],
      [ALEXA_ICONS.large.file, Buffer.from('not a png')],
    ]);
    const problems = certificationProblems({ ...input, readFile: (file) => files.get(file) ?? input.readFile(file) });
    expect(problems).toContain('en-US: skill-package/assets/images/icon-108.png is 64×64; the store needs 108×108');
    expect(problems).toContain('de-DE: skill-package/assets/images/icon-512.png is not a PNG');
    const gone = certificationProblems({ ...input, readFile: (file) => (file.endsWith('.png') ? undefined : input.readFile(file)) });
    expect(gone).toContain('en-US: smallIconUri names skill-package/assets/images/icon-108.png, which does not exist (npm run icons)');
  });

  it('names what a purchasing skill leaves out: terms, account linking and the voice PIN in the description, the seller as invocation name', () => {
    const input = committed();
    const manifest = copy(input.manifest);
    const en = manifest.publishingInformation!.locales!['en-US']!;
    en.description = 'Ask Northwind Outfitters where your order is.';
    delete manifest.privacyAndCompliance!.locales!['de-DE']!.termsOfUseUrl;
    delete en.largeIconUri;
    expect(certificationProblems({ ...input, manifest, invocationNames: { ...input.invocationNames, 'de-DE': 'mein laden' } })).toEqual([
      'de-DE: privacyAndCompliance termsOfUseUrl must be an https URL',
      'de-DE: the invocation name "mein laden" must be the seller\'s name "Northwind Outfitters"',
      'en-US: largeIconUri must name a file in skill-package/assets (file://assets/...)',
      'en-US: a skill that sells physical products must say in its description that it uses account linking',
      'en-US: the description must tell shoppers they can set a four-digit voice PIN',
    ]);
  });
});
