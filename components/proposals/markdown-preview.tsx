'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { MarkdownText } from '@/components/governance/markdown';

type Props = {
  id: string;
  name: string;
  rows: number;
  maxLength: number;
  required?: boolean;
  describedBy?: string;
  /** Set while the field has errors (aria-invalid). */
  invalid?: true;
  defaultValue?: string;
  className: string;
};

/**
 * A Markdown textarea with a Write / Preview switch. The preview uses the page's own renderer and
 * sanitizer (MarkdownText), so it shows exactly what will be published — remote images as links.
 * The textarea stays in the form while previewing (hidden), so the form posts the same; without
 * JavaScript there is no switch and the form posts as before.
 */
export function MarkdownField({ id, name, rows, maxLength, required, describedBy, invalid, defaultValue, className }: Props) {
  // The textarea stays uncontrolled, so the form's reset after a post empties it as before; the preview reads it when shown.
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const t = useTranslations('markdown');
  const showPreview = () => {
    setText(area.current?.value ?? '');
    setPreview(true);
  };
  const previewId = useId();
  const tab = (on: boolean) => `rounded-md px-3 py-1 text-sm font-medium ${on ? 'bg-zinc-900 text-white' : 'text-zinc-700 hover:bg-zinc-100'} min-h-11`;
  return (
    <div>
      <div role="group" aria-label={t('group')} className="mb-2 flex gap-1">
        <button type="button" className={tab(!preview)} aria-pressed={!preview} onClick={() => setPreview(false)}>
          {t('write')}
        </button>
        <button type="button" className={tab(preview)} aria-pressed={preview} onClick={showPreview}>
          {t('preview')}
        </button>
      </div>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={`${className} ${preview ? 'hidden' : ''}`}
        ref={area}
        defaultValue={defaultValue}
        // Submitting an empty required field while previewing: back to Write, so the browser can point at it.
        onInvalid={() => setPreview(false)}
      />
      {preview ? (
        <div id={previewId} aria-label={t('preview')} role="region" className="min-h-24 rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2">
          {text.trim() ? <MarkdownText>{text}</MarkdownText> : <p className="text-sm text-zinc-500">{t('nothing')}</p>}
        </div>
      ) : null}
    </div>
  );
}
