// Placeholder: the Electron shell lands here.
import { app } from 'electron'

app.whenReady().then(() => undefined)
