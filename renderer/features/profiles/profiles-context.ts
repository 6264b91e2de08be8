import { createContext, useContext } from 'react';

/** What the app shell does when a setting changes the profile list (App provides it). */
export type ProfilesActions = {
  /** The profile was removed in main: drop it from the list and select another. */
  removed(profileId: string): void;
};

export const ProfilesContext = createContext<ProfilesActions>({ removed: () => undefined });

export function useProfilesActions(): ProfilesActions {
  return useContext(ProfilesContext);
}
