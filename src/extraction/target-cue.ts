/**
 * A target a party sets itself, said with a noun: "the Governing Board has a goal of 6 projects
 * accepted … by October next year", "the goal to have 6 projects accepted by September 2019", "USAA
 * has set an even higher internal hiring goal of 30 percent". The labelling conventions count these
 * ("targets a party sets itself"); what the target is follows "of" or "to".
 */
export const TARGET =
  /\b(?:(?:has|have|had|set|sets|adopted|adopts|announced|announces)\s+(?:itself\s+|themselves\s+)?(?:a|an|the|its|their|our|his|her)|(?:is|was)\s+the)\s+(?:[\w-]+\s+){0,4}?(?:goal|target|ambition)s?\s+(?:of|to)\s+(?=[\w$])/gi;

/**
 * The same target named by its owner's possessive, with no verb that sets it: "the pledge is part of its
 * overall goal to slash carbon emissions to zero by 2038", "in line with their target of net zero by 2050",
 * "the Mission's 2030 target of …".
 * A cue of its own (flag own_target), so the scorer weighs it apart from a target just set.
 */
export const OWN_TARGET = /\b(?:its|their|our|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,3}?(?:goal|target|ambition)s?\s+(?:of|to)\s+(?=[\w$])/gi;
