import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * Renders member-written markdown. Raw HTML is never passed through (react-markdown drops it)
 * and the tree is sanitized with GitHub's allow-list, so `javascript:` links and the like die here.
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="prose-quorate space-y-3 text-sm leading-relaxed text-zinc-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-zinc-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_table]:w-full [&_table]:text-left [&_td]:border-b [&_td]:border-zinc-100 [&_td]:py-1 [&_th]:border-b [&_th]:border-zinc-300 [&_th]:py-1">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}
