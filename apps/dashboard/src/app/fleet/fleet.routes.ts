import type { Routes } from '@angular/router';
import { FleetPage } from './fleet-page';

export const fleetRoutes: Routes = [
  {
    path: '',
    component: FleetPage,
    title: 'Live map · Convoy',
    children: [
      { path: '', pathMatch: 'full', children: [] },
      {
        path: 'drivers/:id',
        loadComponent: () => import('./driver-panel/driver-panel').then((m) => m.DriverPanel),
      },
    ],
  },
];
