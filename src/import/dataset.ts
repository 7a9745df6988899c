/**
 * Records → the dataset the atlas loads (AtlasData), the same way for the published build, for
 * `npm run import` and for a file opened in the page. Pure: the caller supplies the gazetteer and
 * the programme's facts. Stories that name projects or places the data does not have are left
 * out with a problem, never failing the build.
 */
import { compileProjects, type CompileContext, type Issue } from '../core/compile';
import type { Problem } from '../core/problems';
import type { Located, RawRecord } from '../core/records';
import { StoryError, validateStory, type Story } from '../core/stories';
import type { AtlasData, MunicipalityRecord, Objective, OfficialCount } from '../core/types';
import { parseUrl } from '../state/url';

export interface ProgrammeFacts {
  /** Every municipality of the countries (not only the programme area): partners outside it have a home too. */
  municipalities: MunicipalityRecord[];
  objectives: Objective[];
  officialCounts: OfficialCount[];
  amountCeiling: number;
  /** Story files (or the stories of a dataset), each with the name to report it by. */
  stories: { file: string; story: unknown }[];
}

export interface BuiltDataset {
  data: AtlasData;
  issues: Issue[];
  problems: Problem[];
}

export function buildDataset(
  records: readonly Located<RawRecord>[],
  facts: ProgrammeFacts,
  ctx: Omit<CompileContext, 'objectives' | 'amountCeiling'>,
  options: Parameters<typeof compileProjects>[2] = {},
): BuiltDataset {
  const strict = options.strict ?? false;
  const compiled = compileProjects(records, { ...ctx, objectives: new Set(facts.objectives.map((o) => o.key)), amountCeiling: facts.amountCeiling }, options);
  const used = new Set(compiled.projects.flatMap((p) => p.locations.map((l) => l.municipalityId)));
  const municipalities = facts.municipalities.filter((m) => m.inArea || used.has(m.id));
  const storyContext = {
    projects: new Set(compiled.projects.map((p) => p.id)),
    municipalities: new Set(municipalities.map((m) => m.id)),
    parseFilters: (search: string) => {
      const { state, notices } = parseUrl(search, ctx.programme);
      return { municipalities: state.filters.municipalities, invalid: notices };
    },
  };
  const problems = [...compiled.problems];
  const stories: Story[] = [];
  for (const { file, story } of facts.stories) {
    try {
      stories.push(validateStory(story, file, storyContext));
    } catch (error) {
      if (!(error instanceof StoryError) || (strict && !error.missing)) throw error;
      problems.push({ file, reason: `story left out: ${error.message.slice(file.length + 2)}`, outcome: 'rejected' });
    }
  }
  const data: AtlasData = {
    projects: compiled.projects,
    municipalities,
    objectives: facts.objectives,
    officialCounts: facts.officialCounts,
    stories,
    amountCeiling: facts.amountCeiling,
  };
  return { data, issues: compiled.issues, problems };
}
