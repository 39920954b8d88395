import type { ClaimRow, Verdict } from '../../formats/claims-folder.js';

/**
 * A claim row before the primary family is adjusted: everything but the verdict, the
 * adjusted p-values and the sentence, plus the function that words the sentence once the
 * verdict is known (`pVerdict` is the p it used; `adjusted` says whether that is Holm's).
 */
export interface ClaimDraft {
  row: Omit<ClaimRow, 'verdict' | 'sentence' | 'pHolm' | 'pBH' | 'pVerdict'>;
  say: (verdict: Verdict, pVerdict: number, adjusted: boolean) => string;
}
