/** The dialogs no first view opens, fetched apart from the first view's code (ui/lazy.tsx). */
import { lazy } from '../ui/lazy';

export const AboutDialog = lazy(() => import('../ui/AboutDialog').then((m) => m.AboutDialog), (p) => p.i18n);
export const MunicipalityProfile = lazy(() => import('../ui/MunicipalityProfile').then((m) => m.MunicipalityProfile), (p) => p.i18n);
export const ProjectDialog = lazy(() => import('../ui/ProjectDialog').then((m) => m.ProjectDialog), (p) => p.i18n);
export const ShareDialog = lazy(() => import('../ui/ShareDialog').then((m) => m.ShareDialog), (p) => p.i18n);
export const TourEditor = lazy(() => import('../ui/TourEditor').then((m) => m.TourEditor), (p) => p.ctx.i18n);

export const dialogs = [AboutDialog, MunicipalityProfile, ProjectDialog, ShareDialog, TourEditor];
