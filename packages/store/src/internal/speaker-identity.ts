import { createHash } from 'node:crypto';

/**
 * The key speakers are merged on across articles: the name without accents, case, punctuation or extra
 * spaces, so `Sergei Lavrov` and `SERGEI LAVROV` are one speaker.
 * (Stand-in until core exports its cross-article identity function.)
 */
export function speakerIdentity(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable store-wide speaker id derived from the identity key, so concurrent writers agree on it. */
export function speakerIdFor(identity: string): string {
  return `sp_${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 16)}`;
}
