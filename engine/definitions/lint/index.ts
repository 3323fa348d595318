// Runs every lint rule over a loaded definition set. Problems are returned, never thrown.
import type { Problem } from '../problems.js';
import type { DefinitionSet } from '../types.js';
import { lintAppointments } from './appointments.js';
import { lintConfidentialFlow } from './confidential-flow.js';
import { createLintContext } from './context.js';
import { lintExpressions } from './expressions.js';
import { lintForms } from './forms.js';
import { lintIdentity } from './identity.js';
import { lintLinks } from './links.js';
import { lintReferences } from './references.js';
import { lintScenarioAnswers } from './scenario-answers.js';
import { lintScenarios } from './scenarios.js';
import { lintSignOffFields } from './sign-off-fields.js';
import { lintDocumentHeader } from './document-header.js';
import { lintStructure } from './structure.js';

export function lintDefinitions(set: DefinitionSet): Problem[] {
  const ctx = createLintContext(set);
  lintForms(ctx);
  lintStructure(ctx);
  lintReferences(ctx);
  lintLinks(ctx);
  lintExpressions(ctx);
  lintIdentity(ctx);
  lintConfidentialFlow(ctx);
  lintScenarios(ctx);
  lintScenarioAnswers(ctx);
  lintSignOffFields(ctx);
  lintDocumentHeader(ctx);
  lintAppointments(ctx);
  return ctx.problems;
}
