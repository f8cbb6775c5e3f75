import { understandingOfModel } from './lambda/understanding/understanding';
import model from './skill-package/interactionModels/custom/it-IT.json';
import { calendarDayOfKey } from './lambda/understanding/calendar';
const u = understandingOfModel(model, 'it-IT');
for (const arg of process.argv.slice(2)) {
  const [text, asked] = arg.split('|');
  const r = u.read(text!, { today: () => calendarDayOfKey('2026-11-26'), ...(asked ? { expecting: [asked as never] } : {}) });
  console.log(JSON.stringify(text), '→', r.intent, r.confidence, JSON.stringify(r.slots.map((s) => [s.slot, s.spoken, typeof s.resolution === 'object' ? s.resolution.id : s.resolution ?? s.value])), '| sample:', r.sample, '| cand:', r.candidates.map((c) => `${c.intent}:${c.score}`).join(' '));
}
