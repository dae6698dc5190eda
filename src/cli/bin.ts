// The `kap-literature` executable: everything lives in ./index, which tests import without running anything.
import { runProcess } from './index'

runProcess()
