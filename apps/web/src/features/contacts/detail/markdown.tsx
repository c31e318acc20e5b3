import type { ReactNode } from "react";

// Built as React elements, never as HTML, so a note cannot inject markup or scripts.
const inlinePattern =
  /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function renderInline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    const [, code, bold, italic, underscored, label, href] = match;
    const key = `${index}`;
    if (code !== undefined)
      parts.push(
        <code key={key} className="rounded bg-neutral-100 px-1 font-mono text-[0.85em]">
          {code}
        </code>,
      );
    else if (bold !== undefined) parts.push(<strong key={key}>{renderInline(bold)}</strong>);
    else if (italic !== undefined || underscored !== undefined)
      parts.push(<em key={key}>{renderInline(italic ?? underscored ?? "")}</em>);
    else if (label !== undefined && href !== undefined)
      parts.push(
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-accent-700 underline"
        >
          {label}
        </a>,
      );
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "quote"; lines: string[] }
  | { kind: "code"; lines: string[] }
  | { kind: "list"; ordered: boolean; items: string[] };

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replaceAll("\r\n", "\n").split("\n");
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      index++;
      continue;
    }
    if (line.startsWith("```")) {
      const code: string[] = [];
      index++;
      while (index < lines.length && !(lines[index] ?? "").startsWith("```")) code.push(lines[index++] ?? "");
      index++;
      blocks.push({ kind: "code", lines: code });
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", text: heading[1] ?? "" });
      index++;
      continue;
    }
    const bullet = /^\s*([-*+]|\d+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (index < lines.length && bullet.test(lines[index] ?? ""))
        items.push((lines[index++] ?? "").replace(bullet, ""));
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (line.startsWith(">")) {
      const quote: string[] = [];
      while (index < lines.length && (lines[index] ?? "").startsWith(">"))
        quote.push((lines[index++] ?? "").replace(/^>\s?/, ""));
      blocks.push({ kind: "quote", lines: quote });
      continue;
    }
    const paragraph: string[] = [];
    while (
      index < lines.length &&
      (lines[index] ?? "").trim() !== "" &&
      !/^(```|#{1,6}\s|>|\s*([-*+]|\d+[.)])\s)/.test(lines[index] ?? "")
    )
      paragraph.push(lines[index++] ?? "");
    blocks.push({ kind: "paragraph", lines: paragraph });
  }
  return blocks;
}

const withBreaks = (lines: string[]) =>
  lines.flatMap((line, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a rendered note never reorder.
    index === 0 ? renderInline(line) : [<br key={`br${index}`} />, ...renderInline(line)],
  );

/** The common part of Markdown a note uses: paragraphs, headings, lists, quotes, code, bold, italic, links. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="flex flex-col gap-2 break-words text-sm text-neutral-800">
      {parseBlocks(source).map((block, index) => {
        const key = `${block.kind}${index}`;
        switch (block.kind) {
          case "heading":
            return (
              <p key={key} className="font-semibold">
                {renderInline(block.text)}
              </p>
            );
          case "code":
            return (
              <pre
                key={key}
                className="overflow-x-auto rounded bg-neutral-100 p-2 font-mono text-xs"
                dir="ltr"
              >
                {block.lines.join("\n")}
              </pre>
            );
          case "quote":
            return (
              <blockquote key={key} className="border-s-2 border-neutral-300 ps-3 text-neutral-600">
                {withBreaks(block.lines)}
              </blockquote>
            );
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return (
              <List key={key} className={`${block.ordered ? "list-decimal" : "list-disc"} ps-5`}>
                {block.items.map((item, itemIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the items of a rendered note never reorder.
                  <li key={itemIndex}>{renderInline(item)}</li>
                ))}
              </List>
            );
          }
          default:
            return <p key={key}>{withBreaks(block.lines)}</p>;
        }
      })}
    </div>
  );
}
