import type { SupportedLocale } from '../speech/i18n';
// The generated Alexa models, bundled into the code by esbuild: nothing is read from disk at run time.
import deDE from '../../skill-package/interactionModels/custom/de-DE.json';
import enGB from '../../skill-package/interactionModels/custom/en-GB.json';
import enUS from '../../skill-package/interactionModels/custom/en-US.json';
import esES from '../../skill-package/interactionModels/custom/es-ES.json';
import esUS from '../../skill-package/interactionModels/custom/es-US.json';
import frFR from '../../skill-package/interactionModels/custom/fr-FR.json';
import itIT from '../../skill-package/interactionModels/custom/it-IT.json';

/**
 * The interaction model of every locale the assistant speaks, as `npm run models` writes it for
 * Alexa: the one source of samples, slots and slot-type values for every channel.
 */
export const BUNDLED_MODELS: Readonly<Record<SupportedLocale, unknown>> = { 'en-US': enUS, 'de-DE': deDE, 'en-GB': enGB, 'es-US': esUS, 'es-ES': esES, 'fr-FR': frFR, 'it-IT': itIT };
