/** The groups an owner's daily message sorts its reminders into, in the order it shows them, and the words of their headings. */
export const OWNER_GROUPS = ['overdue', 'due-soon', 'needs-date', 'waiting', 'reviews', 'coming-up'] as const;
export type OwnerGroup = (typeof OWNER_GROUPS)[number];

export const OWNER_GROUP_HEADING: Record<OwnerGroup, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'needs-date': 'Needs a date',
  waiting: 'Waiting on an event',
  reviews: 'Reviews',
  'coming-up': 'Coming up',
};
