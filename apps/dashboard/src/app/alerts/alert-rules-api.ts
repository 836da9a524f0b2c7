import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AlertRuleDto, CreateAlertRuleRequest, UpdateAlertRuleRequest } from '@convoy/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/http/api-paths';

/** `/api/alert-rules`: who hears about what (dispatchers edit, viewers read). */
@Injectable({ providedIn: 'root' })
export class AlertRulesApi {
  private readonly http = inject(HttpClient);

  list(): Promise<AlertRuleDto[]> {
    return firstValueFrom(this.http.get<AlertRuleDto[]>(API.alertRules));
  }

  create(rule: CreateAlertRuleRequest): Promise<AlertRuleDto> {
    return firstValueFrom(this.http.post<AlertRuleDto>(API.alertRules, rule));
  }

  update(id: string, changes: UpdateAlertRuleRequest): Promise<AlertRuleDto> {
    return firstValueFrom(this.http.patch<AlertRuleDto>(`${API.alertRules}/${encodeURIComponent(id)}`, changes));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API.alertRules}/${encodeURIComponent(id)}`));
  }
}
