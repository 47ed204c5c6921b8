import { targetUri } from './call-control';
import { requireUserAgent, type PhoneRuntime } from './runtime';

/** Words for a refused text, from the final SIP status. */
export function textRefusal(statusCode: number): string {
  if (statusCode === 403) return 'You may not text this number (claim the caller first).';
  if (statusCode === 400) return 'The text was refused: check its length and characters.';
  if (statusCode === 404) return 'That is not a phone number we can text.';
  if (statusCode === 408 || statusCode === 480 || statusCode === 503)
    return 'The text could not be delivered right now. Try again.';
  return `The text was refused (${statusCode}).`;
}

/** Texts over SIP MESSAGE through the proxy; the companion decides the sender's identity. */
export function createTextControl(rt: PhoneRuntime) {
  return async (number: string, body: string): Promise<void> => {
    const { ua, credentials } = requireUserAgent(rt);
    const { uri } = targetUri(number, credentials.domain);
    const answer = await ua.sendMessage(uri, body);
    if (answer.statusCode < 200 || answer.statusCode >= 300) throw new Error(textRefusal(answer.statusCode));
  };
}
