import { useState } from 'react';
import { NumberDetails } from './number-details';
import { NumbersList } from './numbers-list';

/** The admin's Numbers section: the list, or one number's details. */
export function NumbersPage() {
  const [openId, setOpenId] = useState<string | null>(null);
  return openId ? <NumberDetails id={openId} onBack={() => setOpenId(null)} /> : <NumbersList onOpen={setOpenId} />;
}
