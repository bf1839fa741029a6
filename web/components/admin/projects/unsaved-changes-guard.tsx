'use client'
// Warns before leaving a page whose form has unsaved changes (the browser's own beforeunload
// prompt): the form is dirty once a field changes, and clean again once it is submitted.
import { useEffect, useRef, type RefObject } from 'react'

export function useUnsavedChangesGuard(formRef: RefObject<HTMLFormElement | null>): { markClean(): void } {
  const dirty = useRef(false)
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const onChange = () => {
      dirty.current = true
    }
    const onSubmit = () => {
      dirty.current = false
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return
      event.preventDefault()
      event.returnValue = ''
    }
    form.addEventListener('input', onChange)
    form.addEventListener('submit', onSubmit)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      form.removeEventListener('input', onChange)
      form.removeEventListener('submit', onSubmit)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [formRef])
  return {
    markClean() {
      dirty.current = false
    },
  }
}
