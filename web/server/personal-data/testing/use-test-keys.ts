// vitest setup file (unit and db projects): every test process gets its own random personal-data
// key ring, as the portal gets one from its settings, so repositories seal and open as in production.
import { usePersonalDataKeys } from '../personal-data'
import { createTestKeyRing } from './test-key-ring'

usePersonalDataKeys(createTestKeyRing())
