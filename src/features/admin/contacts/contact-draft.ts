import type { ContactInput } from '../../../common/api/contacts';
import type { Contact } from '../../../common/domain/contact';

export type PhoneDraft = { number: string; itemTypeId: string; description: string };

/** A contact as its form holds it: text everywhere, '' for "none". */
export type ContactDraft = {
  name: string;
  primaryPhone: string;
  additionalPhones: PhoneDraft[];
  primaryAgentId: string;
  source: string;
  tags: string;
};

export const emptyDraft: ContactDraft = {
  name: '',
  primaryPhone: '',
  additionalPhones: [],
  primaryAgentId: '',
  source: '',
  tags: '',
};

export function draftOf(contact: Contact): ContactDraft {
  return {
    name: contact.name,
    primaryPhone: contact.primaryPhone,
    additionalPhones: contact.additionalPhones.map((p) => ({
      number: p.number,
      itemTypeId: p.itemTypeId ?? '',
      description: p.description ?? '',
    })),
    primaryAgentId: contact.primaryAgentId ?? '',
    source: contact.source ?? '',
    tags: contact.tags.join(', '),
  };
}

/** What the API takes; the server validates and normalises (phone numbers to E.164). */
export function inputOf(draft: ContactDraft): ContactInput {
  return {
    name: draft.name,
    primaryPhone: draft.primaryPhone,
    additionalPhones: draft.additionalPhones.map((p) => ({
      number: p.number,
      ...(p.itemTypeId ? { itemTypeId: p.itemTypeId } : {}),
      ...(p.description.trim() ? { description: p.description } : {}),
    })),
    primaryAgentId: draft.primaryAgentId || null,
    source: draft.source.trim() || null,
    tags: draft.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
