import type { Repos } from '../storage/repos';

/**
 * The country national numbers are read in: the country of the organisation's main number, else of its
 * first number, else GB.
 */
export function orgCountry(repos: Repos, orgId: string): string {
  const numbers = repos.numbers.list(orgId);
  return (numbers.find((n) => n.kind === 'main') ?? numbers[0])?.country ?? 'GB';
}
