import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/** The little of the HTML syntax tree (hast) that the image rewrite touches. */
type TreeNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: TreeNode[] };

/**
 * Member-written images are never loaded: the page would fetch from whatever host the author
 * chose (telling it who reads the proposal, and when), and the Content-Security-Policy blocks
 * remote images anyway, which left a broken picture. Each image becomes a plain link to its
 * address, named by its alt text or else the address; inside a link, or when the sanitizer has
 * removed the address (a `data:` or `javascript:` URL), only the alt text stays.
 */
function imageAsLink(image: TreeNode, insideLink: boolean): TreeNode {
  const src = typeof image.properties?.src === 'string' ? image.properties.src.trim() : '';
  const alt = typeof image.properties?.alt === 'string' ? image.properties.alt.trim() : '';
  const text: TreeNode = { type: 'text', value: alt || src };
  if (insideLink || !src) return alt ? text : { type: 'text', value: '' };
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: src, rel: ['nofollow', 'ugc', 'noopener', 'noreferrer'], title: `Image not shown: ${src}` },
    children: [text],
  };
}

function rewriteImages(node: TreeNode, insideLink: boolean): void {
  if (!node.children) return;
  const inLink = insideLink || (node.type === 'element' && node.tagName === 'a');
  node.children = node.children.map((child) => (child.type === 'element' && child.tagName === 'img' ? imageAsLink(child, inLink) : child));
  for (const child of node.children) rewriteImages(child, inLink);
}

/** Runs after rehype-sanitize, so an image's address has already passed the sanitizer's protocol check. */
function rehypeImagesAsLinks() {
  return (tree: TreeNode) => rewriteImages(tree, false);
}

/**
 * Renders member-written markdown. Raw HTML is never passed through (react-markdown drops it)
 * and the tree is sanitized with GitHub's allow-list, so `javascript:` links and the like die here.
 * Images are shown as links, never loaded (see imageAsLink).
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="prose-quorate space-y-3 text-sm leading-relaxed text-zinc-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-zinc-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_table]:w-full [&_table]:text-left [&_td]:border-b [&_td]:border-zinc-100 [&_td]:py-1 [&_th]:border-b [&_th]:border-zinc-300 [&_th]:py-1">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize, rehypeImagesAsLinks]} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}
