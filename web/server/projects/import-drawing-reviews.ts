// Bulk import of 施工图审查 (issue 13), keyed by the 审查合格书 number. A number not on record, or on
// record for another project, goes through the review form's body (which refuses a number already
// registered, as the form does); one on record for the row's project is 'unchanged' when every
// field agrees, else changed through the edit form's body (refused, as the form is, once the
// project's permit certificate exists).
//
// Per batch, the projects (with their stage records) and the reviews with the batch's numbers are
// read once and handed to the bodies as lookups; the bodies keep the held projects and numbers true
// as they write, and this handler its reviews, so that a later row of the batch sees an earlier one.
import { DRAWING_REVIEWS } from '@shared/import/project-kinds'
import type { ImportHandler } from '@web/server/import/import-handler'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { day, differingFields } from './import-rows'
import { createProjectStagesRepository } from './project-stages-repository'
import { readBatchLookups } from './project-write-lookups'
import { recordDrawingReviewIn, type RecordDrawingReviewValues } from './record-drawing-review'
import { projectInRegion } from './staff-project-access'
import { updateDrawingReviewIn } from './update-drawing-review'

type ReviewFacts = { reviewAgency: string; result: string; issueCount: number; passedOn: string }

const factsOf = (r: ReviewFacts): ReviewFacts => ({ reviewAgency: r.reviewAgency, result: r.result, issueCount: r.issueCount, passedOn: r.passedOn })

export const importDrawingReviews: ImportHandler = {
  permission: 'projects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<RecordDrawingReviewValues>(DRAWING_REVIEWS, rows)
    const valid = parsedValues(parsed)
    const stages = createProjectStagesRepository(tx)
    const lookups = await readBatchLookups(stages, valid.map((v) => v.form.projectCode), [])
    const numbers = [...new Set(valid.map((v) => v.form.certificateNumber))]
    const reviews = new Map<string, ReviewFacts & { id: string; projectCode: string }>()
    for (const r of await stages.findDrawingReviewsByNumber(numbers)) {
      reviews.set(r.certificateNumber, { id: r.id, projectCode: r.project.projectCode, ...factsOf({ ...r, passedOn: day(r.passedOn) }) })
    }
    lookups.reviewNumbers = new Map(numbers.map((n) => [n, reviews.has(n)]))

    return judgeRows(DRAWING_REVIEWS, parsed, async (form) => {
      const project = await projectInRegion(tx, actor, form.projectCode, lookups)
      const current = reviews.get(form.certificateNumber)
      const wanted = factsOf(form)
      if (!current || current.projectCode !== project.projectCode) {
        const { id } = await recordDrawingReviewIn(tx, actor, form, now, audit, lookups)
        reviews.set(form.certificateNumber, { id, projectCode: project.projectCode, ...wanted })
        return { outcome: 'create', id }
      }
      if (differingFields(factsOf(current), wanted).length === 0) return { outcome: 'unchanged', id: current.id }
      const { projectCode: _, ...change } = form
      await updateDrawingReviewIn(tx, actor, current.id, change, now, audit, lookups)
      reviews.set(form.certificateNumber, { ...current, ...wanted })
      return { outcome: 'change', id: current.id }
    })
  },
}
