/** [latitude, longitude] waypoints along real Berlin streets, for the demo fleet to drive back and forth. */
export interface DemoRoute {
  name: string;
  waypoints: ReadonlyArray<readonly [number, number]>;
}

export const BERLIN_ROUTES: readonly DemoRoute[] = [
  {
    name: 'Unter den Linden – Frankfurter Allee',
    waypoints: [
      [52.5163, 13.3777], [52.517, 13.3885], [52.518, 13.399], [52.5219, 13.4132],
      [52.5186, 13.4283], [52.5157, 13.454], [52.5136, 13.4757],
    ],
  },
  {
    name: 'Kurfürstendamm',
    waypoints: [[52.5049, 13.335], [52.503, 13.327], [52.4998, 13.3073], [52.4969, 13.2906]],
  },
  {
    name: 'Straße des 17. Juni',
    waypoints: [[52.5127, 13.3215], [52.5145, 13.3501], [52.5163, 13.3777]],
  },
  {
    name: 'Schönhauser Allee',
    waypoints: [
      [52.5219, 13.4132], [52.5269, 13.4108], [52.5325, 13.4126], [52.5414, 13.4121], [52.5492, 13.4139], [52.5594, 13.4135],
    ],
  },
  {
    name: 'Tempelhofer Damm',
    waypoints: [[52.4853, 13.386], [52.4702, 13.3856], [52.4658, 13.3857], [52.453, 13.3852]],
  },
  {
    name: 'Potsdamer Straße',
    waypoints: [[52.5096, 13.3759], [52.4998, 13.3626], [52.4906, 13.3601], [52.4783, 13.3427]],
  },
  {
    name: 'Landsberger Allee',
    waypoints: [[52.5226, 13.4314], [52.529, 13.4556], [52.5326, 13.48], [52.5421, 13.5425]],
  },
  {
    name: 'Greifswalder Straße',
    waypoints: [[52.525, 13.42], [52.533, 13.433], [52.5405, 13.4395], [52.553, 13.452]],
  },
];
