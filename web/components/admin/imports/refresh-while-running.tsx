'use client'
// While a job runs, the page re-renders itself every few seconds (the server reads the job again);
// it stops when the job reaches a state that does not change by itself.
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

export function RefreshWhileRunning({ running, everyMs = 2000 }: { running: boolean; everyMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [running, everyMs, router])
  return null
}
