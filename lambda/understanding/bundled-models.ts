import type { SupportedLocale } from '../speech/i18n';
// The generated Alexa models, bundled into the code by esbuild: nothing is read from disk at run time.
import deDE from '../../skill-package/interactionModels/custom/de-DE.json';
import enUS from '../../skill-package/interactionModels/custom/en-US.json';

/**
 * The interaction model of every locale the assistant speaks, as `npm run models` writes it for
 * Alexa: the one source of samples, slots and slot-type values for every channel.
 */
export const BUNDLED_MODELS: Readonly<Record<SupportedLocale, unknown>> = { 'en-US': enUS, 'de-DE': deDE };
