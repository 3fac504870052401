/** How long the link in an invitation works, from the moment it is sent. */
export const INVITATION_LINK_DAYS = 60;
