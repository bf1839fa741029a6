// What the objection form's server action hands back to the form: the fields as typed (the form
// is filled again with them) and a Chinese message for each field that is wrong.
import type { ObjectionField } from '@shared/objections/input'

export interface ObjectionFormState {
  status: 'idle' | 'error'
  message: string | null
  fieldErrors: Partial<Record<ObjectionField, string>>
  values: Partial<Record<ObjectionField, string>>
}

export const INITIAL_FORM_STATE: ObjectionFormState = { status: 'idle', message: null, fieldErrors: {}, values: {} }
