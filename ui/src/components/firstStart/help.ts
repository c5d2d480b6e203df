import { createContext, useContext } from 'react';

/** What the Help menu offers, for pages that offer it too (Settings). */
export type Help = { openGuide: () => void; openAbout: () => void };

export const HelpContext = createContext<Help>({ openGuide: () => undefined, openAbout: () => undefined });

export function useHelp(): Help {
  return useContext(HelpContext);
}
