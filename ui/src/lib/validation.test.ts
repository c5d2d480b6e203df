import { describe, expect, it } from 'vitest';
import {
  checkCode,
  checkContactChannel,
  checkEmail,
  checkMaxLength,
  checkMoney,
  checkPaymentDays,
  checkPhone,
  checkRequired,
  checkScore,
  checkUscc,
  isEmail,
  isPhone,
} from './validation';

describe('phones', () => {
  it('accepts mainland mobiles, landlines and 400/800 numbers', () => {
    for (const ok of [
      '13812345678',
      '+86 138 1234 5678',
      '021-62345678',
      '0755-8888-1234',
      '400-820-8820',
      '800 810 8888',
      '(010) 6523 4567',
    ]) {
      expect(isPhone(ok), ok).toBe(true);
    }
  });
  it('refuses the rest', () => {
    for (const bad of ['12812345678', '1381234567', 'abc', '', '12345', '+1 415 555 0100', '4001234567890']) {
      expect(isPhone(bad), bad).toBe(false);
    }
    expect(checkPhone('123')).toEqual({ code: 'phone_format' });
    expect(checkPhone('')).toBeNull();
  });
});

describe('emails', () => {
  it('matches the server rule', () => {
    expect(isEmail('li.wei@example.com.cn')).toBe(true);
    for (const bad of ['li', 'li@', '@x.cn', 'li@x', 'l i@x.cn', 'a@b@c.cn', 'a@x..cn']) {
      expect(isEmail(bad), bad).toBe(false);
    }
    expect(checkEmail('li@x')).toEqual({ code: 'email_format' });
    expect(checkEmail(' ')).toBeNull();
  });
});

describe('money', () => {
  it('accepts non-negative amounts with up to two decimals', () => {
    for (const ok of ['0', '12345.6', '12345.60', '1,234,567.89', '1.500', '', '  ']) {
      expect(checkMoney(ok), ok).toBeNull();
    }
  });
  it('reports the server codes', () => {
    expect(checkMoney('1.005')).toEqual({ code: 'money_too_precise' });
    expect(checkMoney('-3')).toEqual({ code: 'negative' });
    expect(checkMoney('abc')).toEqual({ code: 'money_invalid' });
    // A comma only separates thousands: "1,5" is not 15.00.
    for (const bad of ['1,5', '12,34', '1,2345', ',123', '1,234,56', '1.2,3']) {
      expect(checkMoney(bad), bad).toEqual({ code: 'money_grouping' });
    }
    expect(checkMoney('1e5')).toEqual({ code: 'money_invalid' });
    expect(checkMoney('.')).toEqual({ code: 'money_invalid' });
    expect(checkMoney('92233720368547758.08')).toEqual({ code: 'money_out_of_range' });
    expect(checkMoney('92233720368547758.07')).toBeNull();
  });
});

describe('other fields', () => {
  it('required', () => {
    expect(checkRequired('  ')).toEqual({ code: 'required' });
    expect(checkRequired(undefined)).toEqual({ code: 'required' });
    expect(checkRequired('x')).toBeNull();
  });
  it('lengths count characters, not bytes', () => {
    expect(checkMaxLength('经'.repeat(50), 50)).toBeNull();
    expect(checkMaxLength('经'.repeat(51), 50)).toEqual({ code: 'too_long', detail: '50' });
  });
  it('codes', () => {
    expect(checkCode('DS00001')).toBeNull();
    expect(checkCode('DS 1')).toEqual({ code: 'code_chars' });
    expect(checkCode('A'.repeat(21))).toEqual({ code: 'too_long', detail: '20' });
  });
  it('uscc carries the expected check character', () => {
    expect(checkUscc('91110000802100433C')).toEqual({ code: 'uscc_check_char', detail: 'B' });
    expect(checkUscc('91110000802100433B')).toBeNull();
    expect(checkUscc('123')).toEqual({ code: 'uscc_length' });
  });
  it('payment days 0–365', () => {
    expect(checkPaymentDays(0)).toBeNull();
    expect(checkPaymentDays(365)).toBeNull();
    expect(checkPaymentDays(366)).toEqual({ code: 'out_of_range', detail: '0–365' });
    expect(checkPaymentDays(-1)).toEqual({ code: 'out_of_range', detail: '0–365' });
  });
  it('scores 0–100', () => {
    expect(checkScore(100)).toBeNull();
    expect(checkScore(101)).toEqual({ code: 'score_range' });
    expect(checkScore(null)).toEqual({ code: 'required' });
  });
});

describe('contact channels', () => {
  it('needs a phone, an e-mail or a WeChat ID; blanks do not count', () => {
    expect(checkContactChannel({ phone: '', email: '  ', wechat: '' })).toEqual({
      code: 'contact_channel_required',
    });
    expect(checkContactChannel({})).toEqual({ code: 'contact_channel_required' });
    expect(checkContactChannel({ phone: '13812345678' })).toBeNull();
    expect(checkContactChannel({ email: 'li@example.com' })).toBeNull();
    expect(checkContactChannel({ wechat: 'li_wei' })).toBeNull();
  });
});
