// The dev console's screen panel: draws the APL documents the skill sends (Alexa.Presentation.APL
// RenderDocument) the way an Echo Show lays them out, for the components and bindings Shopvoice's
// documents use (lambda/platforms/alexa-screen/apl-documents.ts). Not a full APL renderer: a
// component it does not know is drawn as a labelled box, so a new one is noticed, not hidden.
// Every text is set with textContent; image sources are only ever https URLs.

const BINDING = /^\$\{(.*)\}$/s;

/** Looks up `screen.title`, `data.position` and the like in the binding context. */
function lookUp(path, context) {
  return path
    .trim()
    .split('.')
    .reduce((value, key) => (value !== undefined && value !== null && typeof value === 'object' ? value[key] : undefined), context);
}

/** A value in a binding expression: a quoted string, a number, or a path. */
function operand(text, context) {
  const trimmed = text.trim();
  const quoted = /^'(.*)'$/s.exec(trimmed) ?? /^"(.*)"$/s.exec(trimmed);
  if (quoted) return quoted[1];
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return lookUp(trimmed, context);
}

/** Evaluates `${path}`, `${a == b}` and `${a != b}`; any other string is taken as it is. */
export function evaluate(value, context) {
  if (typeof value !== 'string') return value;
  const binding = BINDING.exec(value);
  if (!binding) return value;
  const expression = binding[1];
  const comparison = /^(.*?)(==|!=)(.*)$/s.exec(expression);
  if (comparison) {
    const equal = operand(comparison[1], context) === operand(comparison[3], context);
    return comparison[2] === '==' ? equal : !equal;
  }
  return operand(expression, context);
}

/** APL dimensions as CSS: "24dp" → px, "30vw"/"45vh"/"100%" as they are. */
function dimension(value) {
  if (typeof value === 'number') return `${value}px`;
  if (typeof value !== 'string') return undefined;
  const dp = /^(-?\d+(?:\.\d+)?)dp$/.exec(value);
  // An Echo Show is 1024 dp wide; the panel scales it to its own width.
  if (dp) return `${(Number(dp[1]) / 10.24).toFixed(3)}cqw`;
  return /^-?\d+(\.\d+)?(vw|vh|%|px)$/.test(value) ? value.replace(/vw$/, 'cqw').replace(/vh$/, 'cqh') : undefined;
}

const BOX_PROPERTIES = {
  width: 'width',
  height: 'height',
  paddingTop: 'paddingTop',
  paddingBottom: 'paddingBottom',
  paddingLeft: 'paddingLeft',
  paddingRight: 'paddingRight',
  borderRadius: 'borderRadius',
};

function styleBox(node, component, context) {
  for (const [property, css] of Object.entries(BOX_PROPERTIES)) {
    const value = dimension(evaluate(component[property], context));
    if (value) node.style[css] = value;
  }
  const background = evaluate(component.backgroundColor, context);
  if (typeof background === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(background)) node.style.backgroundColor = background;
  if (component.grow !== undefined) node.style.flexGrow = String(component.grow);
  if (component.shrink !== undefined) node.style.flexShrink = String(component.shrink);
}

function children(component) {
  if (Array.isArray(component.items)) return component.items;
  if (component.item) return [component.item];
  return [];
}

function drawText(component, context) {
  const node = document.createElement('p');
  node.className = 'apl-text';
  node.textContent = String(evaluate(component.text, context) ?? '');
  const size = dimension(component.fontSize);
  if (size) node.style.fontSize = size;
  if (component.fontWeight) node.style.fontWeight = String(component.fontWeight);
  if (typeof component.color === 'string') node.style.color = component.color;
  if (component.textAlign) node.style.textAlign = component.textAlign;
  if (component.textAlignVertical === 'center') node.classList.add('apl-text-middle');
  if (component.maxLines) node.style.webkitLineClamp = String(component.maxLines);
  return node;
}

function drawImage(component, context) {
  const node = document.createElement('img');
  node.className = 'apl-image';
  const source = String(evaluate(component.source, context) ?? '');
  if (/^https:\/\//.test(source)) node.src = source;
  node.alt = '';
  return node;
}

/** Turns one component (and its children) into DOM; `onTouch` gets a SendEvent's arguments. */
function draw(component, context, onTouch) {
  if (component.when !== undefined && !evaluate(component.when, context)) return [];
  if (component.data !== undefined && component.type !== 'Sequence') return [];
  let node;
  switch (component.type) {
    case 'Text':
      node = drawText(component, context);
      break;
    case 'Image':
      node = drawImage(component, context);
      break;
    case 'Container':
    case 'Frame':
      node = document.createElement('div');
      node.className = `apl-${component.type.toLowerCase()}`;
      if (component.direction === 'row') node.classList.add('apl-row');
      for (const child of children(component)) node.append(...draw(child, context, onTouch));
      break;
    case 'Sequence': {
      node = document.createElement('div');
      node.className = `apl-sequence apl-${component.scrollDirection === 'horizontal' ? 'horizontal' : 'vertical'}`;
      const data = evaluate(component.data, context);
      const items = Array.isArray(data) ? data : [];
      items.forEach((item, index) => {
        for (const child of children(component)) node.append(...draw(child, { ...context, data: item, index }, onTouch));
      });
      break;
    }
    case 'TouchWrapper': {
      node = document.createElement('button');
      node.type = 'button';
      node.className = 'apl-touch';
      for (const child of children(component)) node.append(...draw(child, context, onTouch));
      const events = (component.onPress ?? []).filter((command) => command.type === 'SendEvent');
      node.addEventListener('click', () => {
        for (const event of events) onTouch((event.arguments ?? []).map((argument) => evaluate(argument, context)));
      });
      break;
    }
    default:
      node = document.createElement('div');
      node.className = 'apl-unknown';
      node.textContent = `[${String(component.type)}]`;
  }
  styleBox(node, component, context);
  return [node];
}

/**
 * Draws a RenderDocument directive into `viewport` (its mainTemplate's parameters bound to the
 * datasources of the same name). `onTouch` is called with a touched item's SendEvent arguments.
 */
export function renderAplDirective(viewport, directive, onTouch) {
  const template = directive.document?.mainTemplate ?? {};
  const context = {};
  for (const parameter of template.parameters ?? []) context[parameter] = directive.datasources?.[parameter];
  viewport.replaceChildren();
  viewport.dataset.token = directive.token ?? '';
  if (typeof directive.document?.background === 'string') viewport.style.backgroundColor = directive.document.background;
  for (const component of children(template)) viewport.append(...draw(component, context, onTouch));
}
