/** The seed's `/health` shape, kept for load balancers and scripts written against it. */
export interface HealthResponse {
  status: 'healthy' | 'unhealthy';
  service: 'convoy-api';
  database: 'connected' | 'disconnected';
}
