import type { Routes } from '@angular/router';
import { passwordChangedGuard, signedInGuard, signedOutGuard } from './core/auth/auth.guards';
import { roleGuard } from './core/auth/role.guard';
import { isFleetUrl } from './fleet/fleet-url';
import { webhooksUrl } from './webhooks/webhooks-url';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Convoy',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    // The driver's public page of a tracking link (issue #13): no sign-in, no dashboard shell.
    path: 'join/:token',
    title: 'Convoy',
    loadComponent: () => import('./join/join-page').then((m) => m.JoinPage),
  },
  {
    // Everything else is behind sign-in, so a deep link keeps its URL through /login.
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [passwordChangedGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        // `/` and `/drivers/:id`: the live map, with a driver's panel over it (fleet.routes.ts)
        path: '',
        canMatch: [isFleetUrl],
        loadChildren: () => import('./fleet/fleet.routes').then((m) => m.fleetRoutes),
      },
      {
        path: 'links',
        title: 'Tracking links · Convoy',
        loadComponent: () => import('./links/links-page').then((m) => m.LinksPage),
      },
      {
        path: 'places',
        title: 'Places · Convoy',
        loadComponent: () => import('./places/places-page').then((m) => m.PlacesPage),
      },
      {
        path: 'reports',
        title: 'Reports · Convoy',
        loadComponent: () => import('./reports/reports-page').then((m) => m.ReportsPage),
      },
      {
        path: 'alerts',
        title: 'Alerts · Convoy',
        loadComponent: () => import('./alerts/alerts-page').then((m) => m.AlertsPage),
      },
      {
        path: 'users',
        title: 'Users · Convoy',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'api-tokens',
        title: 'API tokens · Convoy',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./api-tokens/api-tokens-page').then((m) => m.ApiTokensPage),
      },
      {
        // `/webhooks` and `/webhooks/:id` (that endpoint's log) in one route, so opening a log keeps the page (and a secret shown once)
        matcher: webhooksUrl,
        title: 'Webhooks · Convoy',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./webhooks/webhooks-page').then((m) => m.WebhooksPage),
      },
      {
        path: 'account',
        title: 'Account · Convoy',
        loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
      },
      {
        path: '**',
        title: 'Not found · Convoy',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
