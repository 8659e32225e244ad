import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { isApiError } from '../api/client.js';
import { postArticle } from '../api/queries.js';
import { countOf } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { acceptedExtensions, readUpload, type UploadArticle } from '../lib/uploads.js';

type Status = 'waiting' | 'sending' | 'done' | 'error';

interface Item {
  readonly key: number;
  readonly name: string;
  status: Status;
  message: string;
  articleId?: string;
  quoteCount?: number;
}

const statusText: Record<Status, string> = { waiting: 'Waiting', sending: 'Analysing…', done: 'Done', error: 'Failed' };

/**
 * Add articles: paste a text or drop several files. Each file (and each article inside a JSON file) gets its
 * own row with its progress and its own error; one failure loses nothing else. One article leads straight to
 * its analysis; several give a list of links.
 */
export default function AddArticles(): JSX.Element {
  usePageTitle(() => 'Add articles');
  const navigate = useNavigate();
  const [items, setItems] = createStore<Item[]>([]);
  const [dragging, setDragging] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let nextKey = 0;

  const update = (key: number, change: Partial<Item>): void =>
    setItems(produce((list) => {
      const item = list.find((entry) => entry.key === key);
      if (item) Object.assign(item, change);
    }));

  /** Sends the batch one article at a time (the service analyses each on arrival) and reports per row. */
  const send = async (batch: { key: number; article: UploadArticle }[]): Promise<void> => {
    setBusy(true);
    let lastId: string | undefined;
    let failures = 0;
    for (const { key, article } of batch) {
      update(key, { status: 'sending', message: '' });
      try {
        const stored = await postArticle(article);
        lastId = stored.id;
        update(key, { status: 'done', articleId: stored.id, quoteCount: stored.quotes.length, message: `${countOf(stored.quotes.length, 'quote')} found` });
      } catch (error) {
        failures += 1;
        update(key, { status: 'error', message: isApiError(error) || error instanceof Error ? error.message : 'Could not send this article.' });
      }
    }
    setBusy(false);
    if (batch.length === 1 && failures === 0 && lastId) navigate(`/articles/${encodeURIComponent(lastId)}`);
  };

  const addFiles = async (files: readonly File[]): Promise<void> => {
    const batch: { key: number; article: UploadArticle }[] = [];
    for (const file of files) {
      let articles: UploadArticle[];
      try {
        articles = readUpload(file.name, await file.text());
      } catch (error) {
        setItems(items.length, { key: nextKey++, name: file.name, status: 'error', message: error instanceof Error ? error.message : 'Could not read this file.' });
        continue;
      }
      articles.forEach((article, index) => {
        const key = nextKey++;
        const name = articles.length > 1 ? `${file.name} #${index + 1}${article.title ? ` (${article.title})` : ''}` : file.name;
        setItems(items.length, { key, name, status: 'waiting', message: '' });
        batch.push({ key, article });
      });
    }
    if (batch.length > 0) await send(batch);
  };

  const onPaste = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get('text') ?? '');
    if (text.trim() === '') return;
    const field = (name: string): string | undefined => String(data.get(name) ?? '').trim() || undefined;
    const format = field('format');
    const article: UploadArticle = {
      text,
      title: field('title'),
      source: field('source'),
      url: field('url'),
      publishedAt: field('publishedAt'),
      format: format === 'text' || format === 'html' ? format : 'auto',
    };
    const key = nextKey++;
    setItems(items.length, { key, name: article.title ?? 'Pasted text', status: 'waiting', message: '' });
    await send([{ key, article }]);
  };

  return (
    <>
      <h1>Add articles</h1>
      <div class="grid">
        <section class="card" aria-labelledby="paste-heading">
          <h2 id="paste-heading">Paste a text</h2>
          <form class="stack" onSubmit={(event) => void onPaste(event)}>
            <label>
              Article text (plain text or HTML)
              <textarea name="text" rows="10" required />
            </label>
            <div class="row">
              <label>
                Title <input name="title" />
              </label>
              <label>
                Source <input name="source" placeholder="e.g. reuters.com" />
              </label>
            </div>
            <div class="row">
              <label>
                URL <input name="url" type="url" />
              </label>
              <label>
                Published <input name="publishedAt" type="date" />
              </label>
              <label>
                Read as
                <select name="format">
                  <option value="auto">detect</option>
                  <option value="text">plain text</option>
                  <option value="html">HTML</option>
                </select>
              </label>
            </div>
            <button type="submit" disabled={busy()}>
              Analyse and store
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="files-heading">
          <h2 id="files-heading">Or add files</h2>
          <label
            class="dropzone"
            classList={{ dragging: dragging() }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              void addFiles([...(event.dataTransfer?.files ?? [])]);
            }}
          >
            <span>Drop .txt, .html or .json files here, or choose them</span>
            <input
              type="file"
              name="files"
              multiple
              accept={acceptedExtensions.join(',')}
              disabled={busy()}
              onChange={(event) => {
                const files = [...(event.currentTarget.files ?? [])];
                event.currentTarget.value = '';
                void addFiles(files);
              }}
            />
          </label>
          <p class="muted">A JSON file may hold one article, an array, or {'{ "articles": [...] }'} with text, title, source, url, publishedAt and format (text, html or auto).</p>
        </section>
      </div>
      <Show when={items.length > 0}>
        <section class="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">Progress</h2>
          <ul class="uploads" aria-live="polite">
            <For each={items}>
              {(item) => (
                <li class={`upload upload-${item.status}`} data-upload={item.name}>
                  <span class="upload-name">{item.name}</span>
                  <span class="upload-status">{statusText[item.status]}</span>
                  <Show when={item.message}>
                    <span class={item.status === 'error' ? 'upload-error' : 'muted'} role={item.status === 'error' ? 'alert' : undefined}>
                      {item.message}
                    </span>
                  </Show>
                  <Show when={item.articleId}>{(id) => <A href={`/articles/${encodeURIComponent(id())}`}>Open the analysis →</A>}</Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
