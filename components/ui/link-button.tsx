import Link from '@/components/ui/link';

export function LinkButton({ href, children, variant = 'primary' }: { href: string; children: React.ReactNode; variant?: 'primary' | 'secondary' }) {
  const look = variant === 'primary' ? 'bg-brand-700 text-white hover:bg-brand-800' : 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50';
  return (
    <Link href={href} className={`inline-flex items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold shadow-sm ${look}`}>
      {children}
    </Link>
  );
}
