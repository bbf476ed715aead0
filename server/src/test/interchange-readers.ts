import { spawnSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { SaxesParser } from "saxes";
import { CMX } from "../exports/edl-layout.js";
import { RESOLVE_MAX_MARKER_LINE } from "../exports/resolve-edl.js";

/**
 * Independent readers the exports are checked with (issue #15): libxml2's xmllint, the saxes
 * strict XML parser, csv-parse in strict mode, and a fixed-column CMX3600 check written from
 * the layout (not from our writer).
 */

/** xmllint --noout on stdin; returns its error output ("" when valid). Requires libxml2-utils. */
export function xmllint(xml: string): string {
  const r = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  if (r.error)
    throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? "" : r.stderr || `exit ${r.status}`;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses with saxes (strict, XML 1.0 character rules); throws on the first error. */
export function strictXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, text: "", children: [] };
  const stack = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => {
    const el: XmlElement = {
      name: t.name,
      attributes: t.attributes as Record<string, string>,
      text: "",
      children: [],
    };
    stack.at(-1)?.children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root;
}

export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}

export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name);

/** csv-parse strict: same column count on every row, no loose quotes; the BOM is stripped. */
export function strictCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    relax_column_count: false,
    relax_quotes: false,
    strict: true,
  } as never) as string[][];
}

const TC = "\\d{2}:\\d{2}:\\d{2}[:;]\\d{2}";

/**
 * Checks a CMX3600 file line by line from the layout: 7-bit printable ASCII only; TITLE first,
 * then FCM; event lines exactly in the columns (001-999, reel 5-12, channel 14-18, transition
 * 20-23, frames 25-27, four timecodes at 29, 41, 53, 65, length 76); record out not before
 * record in; comments start with "*" and stay within the line limit. Returns the problems.
 */
export function cmxColumnProblems(edl: string, { resolve = false } = {}): string[] {
  const maxEvents = CMX.maxEvent;
  const problems: string[] = [];
  const lines = edl.split("\n");
  if (!/^TITLE: .{0,70}$/.test(lines[0] ?? "")) problems.push(`line 1: not a TITLE of at most 70 characters`);
  if (!/^FCM: (DROP FRAME|NON-DROP FRAME)$/.test(lines[1] ?? "")) problems.push("line 2: not an FCM line");
  let events = 0;
  for (const [i, line] of lines.entries()) {
    const at = `line ${i + 1}`;
    // Resolve's marker lines carry UTF-8 text (Resolve writes them so); the rest is ASCII.
    if (resolve && i > 1 && line !== "" && !/^\d/.test(line)) {
      if (!/^[^|]* \|C:ResolveColor[A-Za-z]+ \|M:[^|]* \|D:\d+$/.test(line))
        problems.push(`${at}: not a Resolve marker line`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(line))
        problems.push(`${at}: control character or line separator`);
      if (line.length > RESOLVE_MAX_MARKER_LINE) problems.push(`${at}: ${line.length} characters`);
      continue;
    }
    if (/[^\x20-\x7e]/.test(line)) problems.push(`${at}: non-ASCII or control character`);
    if (line.length > CMX.maxCommentLine) problems.push(`${at}: ${line.length} characters`);
    if (/^\d/.test(line)) {
      events++;
      const ok = new RegExp(
        `^(\\d{3})  (.{8}) (.{5}) (.{4}) (.{3}) (${TC}) (${TC}) (${TC}) (${TC})\\s*$`,
      ).exec(line);
      if (!ok) {
        problems.push(`${at}: event line off the CMX3600 columns: ${line}`);
        continue;
      }
      const n = Number(ok[1]);
      if (n < 1 || n > maxEvents) problems.push(`${at}: event number ${ok[1]}`);
      const [ri, ro] = [ok[8] ?? "", ok[9] ?? ""];
      if (ro.replace(/[:;]/g, "") < ri.replace(/[:;]/g, ""))
        problems.push(`${at}: record out ${ro} before in ${ri}`);
    }
  }
  if (events > maxEvents) problems.push(`${events} events`);
  return problems;
}
