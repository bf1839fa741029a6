// The one instance of the app's services, built from the Taro adapters and the build settings.
// Pages import `services` and render what it returns.

import { createAppServices } from '../lib/app-services'
import { bundledKeySet, bundledLogKey, portalOrigin } from '../lib/build-env'
import { platformHttp, taroStorage } from './taro-adapters'

export const services = createAppServices({ storage: taroStorage, http: platformHttp }, { portalOrigin, bundled: bundledKeySet, bundledLogKey })
