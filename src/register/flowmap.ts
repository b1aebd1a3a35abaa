/**
 * The flow map: organisations as boxes, flows as arrows labelled with their purposes, laid
 * out by dagre (a layered graph layout, run here in Node when the page is built, so the page
 * needs no script and no network to show it), drawn as SVG with hastscript so every name is
 * escaped by the library. Also the same map as Mermaid, for GitHub's job summary.
 */
import dagre from '@dagrejs/dagre';
import { s } from 'hastscript';
import type { Element } from 'hast';
import type { Register } from './register.js';
import { joinWords } from '../core/words.js';

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const WRAP = 28;

/** Break a label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = WRAP): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function edgeLabel(purposes: readonly string[]): string {
  return purposes.length <= 2 ? joinWords([...purposes]) : `${purposes.slice(0, 2).join(', ')} and ${purposes.length - 2} more`;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The flow map as an SVG element (empty when no agreement in force has a flow). */
export function flowMapSvg(register: Register): Element | undefined {
  if (register.flows.length === 0) return undefined;
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, edgesep: 16, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map(register.organisations.map((o) => [o.key, wrapLabel(o.name)]));
  for (const org of register.organisations) {
    const text = lines.get(org.key)!;
    g.setNode(org.key, { width: Math.max(...text.map((l) => l.length)) * CHAR_WIDTH + 24, height: text.length * LINE_HEIGHT + 16 });
  }
  const labels = new Map<string, string[]>();
  for (const flow of register.flows) {
    const text = wrapLabel(edgeLabel(flow.purposes), 24);
    labels.set(`${flow.from}>${flow.to}`, text);
    g.setEdge(flow.from, flow.to, { width: Math.max(...text.map((l) => l.length)) * 6 + 8, height: text.length * 14, labelpos: 'c' });
  }
  dagre.layout(g);
  const graph = g.graph();
  const width = round((graph.width ?? 0) + 2);
  const height = round((graph.height ?? 0) + 2);

  const nodes = register.organisations.map((org) => {
    const n = g.node(org.key);
    const text = lines.get(org.key)!;
    const top = n.y - (text.length * LINE_HEIGHT) / 2 + LINE_HEIGHT * 0.75;
    return s('g.org', [
      s('rect', { x: round(n.x - n.width / 2), y: round(n.y - n.height / 2), width: n.width, height: n.height, rx: 6 }),
      s('text', { x: round(n.x), y: round(top), 'text-anchor': 'middle' }, text.map((line, i) => s('tspan', { x: round(n.x), dy: i === 0 ? 0 : LINE_HEIGHT }, line))),
    ]);
  });
  const edges = register.flows.map((flow) => {
    const e = g.edge(flow.from, flow.to);
    const points: readonly { x: number; y: number }[] = e.points ?? [];
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
    const text = labels.get(`${flow.from}>${flow.to}`)!;
    const from = register.organisations.find((o) => o.key === flow.from)!.name;
    const to = register.organisations.find((o) => o.key === flow.to)!.name;
    return s('g.flow', [
      s('title', `${from} to ${to}: ${joinWords([...flow.purposes])} (${joinWords([...flow.agreements])})`),
      s('path', { d, 'marker-end': 'url(#arrow)' }),
      ...(e.x !== undefined && e.y !== undefined
        ? [s('text.label', { x: round(e.x), y: round(e.y - (text.length * 14) / 2 + 11), 'text-anchor': 'middle' }, text.map((line, i) => s('tspan', { x: round(e.x!), dy: i === 0 ? 0 : 14 }, line)))]
        : []),
    ]);
  });
  return s(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'flow-map-title' },
    [
      s('title', { id: 'flow-map-title' }, `Flow map: ${register.flows.length} flows between ${register.organisations.length} organisations`),
      s('defs', [s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, [s('path', { d: 'M0,0 L10,5 L0,10 z' })])]),
      ...edges,
      ...nodes,
    ],
  );
}

/** Text for a Mermaid label: anything but plain letters, digits and light punctuation as an entity code, so no name can break out of the label or the fence. */
function mermaidText(text: string): string {
  return [...text].map((c) => (/[A-Za-z0-9 ,.'()/-]/.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

/** The flow map as a Mermaid flowchart (GitHub renders it in Markdown and job summaries). */
export function flowMapMermaid(register: Register): string {
  const lines = ['flowchart LR'];
  for (const org of register.organisations) lines.push(`  ${org.key}["${mermaidText(org.name)}"]`);
  for (const flow of register.flows) lines.push(`  ${flow.from} -->|"${mermaidText(edgeLabel(flow.purposes))}"| ${flow.to}`);
  return lines.join('\n');
}
